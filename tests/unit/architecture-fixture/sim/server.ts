export const simulator = "sim";
