export const db = () => "database";
