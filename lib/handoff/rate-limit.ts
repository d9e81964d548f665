import { createRateLimiter } from "../rate-limit/limiter";

/** Requests per API key per minute, counted in PostgreSQL so every app instance shares the limit. */
const apiKeyLimiter = createRateLimiter({ name: "api-key", limit: 60, windowSeconds: 60 });
export const API_KEY_RATE_LIMIT = apiKeyLimiter.limit;
export const API_REQUESTS_PER_MINUTE = API_KEY_RATE_LIMIT.limit;

export async function consumeApiRequest(keyId: string, now = new Date()) {
  const state = await apiKeyLimiter.hit(keyId, now);
  return { ...state, limit: API_KEY_RATE_LIMIT.limit };
}
