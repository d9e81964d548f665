import type { TestProject } from "vitest/node";
import { createMigratedTemplate, dropDatabase } from "./databases";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

export default async function setup(project: TestProject) {
  const template = await createMigratedTemplate();
  project.provide("templateDatabase", template);
  return async () => dropDatabase(template);
}
