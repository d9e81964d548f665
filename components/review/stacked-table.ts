import { td } from "@/components/staff/table-region";

/**
 * Class names that turn a staff table into cards on narrow screens: the header row is
 * kept for screen readers, each row becomes a block, and each cell shows its column's
 * name (its `data-label`) before its value.
 */
export const stackedTable = "w-full border-collapse";
export const stackedHead = "max-md:sr-only";
export const stackedRow = "max-md:block max-md:border-b max-md:border-gray-300 max-md:py-3";
export const stackedTitleCell = `${td} max-md:block max-md:border-0 max-md:px-0 max-md:pt-0`;
export const stackedCell = `${td} max-md:flex max-md:gap-3 max-md:border-0 max-md:px-0 max-md:py-1 max-md:before:w-28 max-md:before:shrink-0 max-md:before:font-bold max-md:before:content-[attr(data-label)]`;
