// Event ids sort by the time they were made (UUID version 7). The log keeps a unique index on them: a
// new id lands at its right edge, a page always in the cache, where a random one (version 4) needed a
// page read from anywhere in an index as large as the log for the duplicate check and again for the
// insert.
import { uuidv7 } from 'uuidv7';

export const newEventId = (): string => uuidv7();
