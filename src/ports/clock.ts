/** Where the service reads the time: passed in, so tests and the chaos run can pin or step it. */
export interface Clock {
  now(): Date;
}
