import express, { type RequestHandler } from 'express';

/** Whole annual reports are posted to importReport, so the limit is generous. */
const BODY_LIMIT = '50mb';

/** JSON request bodies for /graphql (body-parser itself refuses a charset JSON cannot be in, with 415). */
export const graphqlBody = (): RequestHandler => express.json({ limit: BODY_LIMIT });
