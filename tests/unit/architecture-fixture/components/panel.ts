// Forbidden: a component reading the database.
import { db } from "../lib/db/client";

export const panel = () => db();
