// What the database refuses because of what someone sent, as the domain error it means: a row that
// is not there, a reference to one that is not, a duplicate, a value PostgreSQL cannot hold. The
// tRPC layer turns the result into a translated 4xx like any AppError (server/trpc/init.ts); every
// other database failure stays an internal error.
//
// How the refusals arrive (tests/unit/database-error.test.ts has one of each): through Prisma 7 with
// either driver adapter (@prisma/adapter-pg on PostgreSQL, pglite-prisma-adapter on PGlite) as a
// PrismaClientKnownRequestError whose `code` is Prisma's (P2025 no row for update/delete/…OrThrow,
// P2002 unique, P2003 foreign key, P2020 out of range, P2007 bad uuid text, P2010 raw query failed,
// P2039 any other database error) and whose `meta.driverAdapterError.cause.originalCode` is the
// PostgreSQL SQLSTATE (a NUL byte in text is 22021 on both adapters; in jsonb 22P05). Straight from
// an adapter it is a DriverAdapterError with the same `cause`, and from pg or PGlite without Prisma
// a DatabaseError whose `code` is the SQLSTATE.
import { AppError, type AppErrorCode, type ErrorKey } from "./app-error";

type Refusal = [AppErrorCode, ErrorKey];

/** PostgreSQL SQLSTATEs that bad input provokes. */
const bySqlState: Record<string, Refusal> = {
  "22P05": ["invalid_input", "invalidCharacters"], // untranslatable character (\u0000 in jsonb)
  "22021": ["invalid_input", "invalidCharacters"], // invalid byte sequence for UTF8 (0x00 in text)
  "22003": ["invalid_input", "valueOutOfRange"], // numeric value out of range (2³¹ in an int4)
  "22008": ["invalid_input", "invalidDate"], // datetime field overflow
  "22007": ["invalid_input", "invalidDate"], // invalid datetime format
  "22009": ["invalid_input", "invalidDate"], // invalid time zone displacement (a year far out of range)
  "22001": ["invalid_input", "valueTooLong"], // string data right truncation
  "22P02": ["invalid_input", "invalid_input"], // invalid text representation (a malformed uuid)
  "23503": ["invalid_input", "invalidReference"], // foreign key violation
  "23505": ["conflict", "alreadyExists"], // unique violation
};

/** Prisma's codes for the same, when no SQLSTATE comes with them. */
const byPrismaCode: Record<string, Refusal> = {
  P2025: ["not_found", "not_found"], // a required record was not found (update, delete, findUniqueOrThrow)
  P2001: ["not_found", "not_found"], // the record searched for does not exist
  P2015: ["not_found", "not_found"], // a related record could not be found
  P2018: ["not_found", "not_found"], // the required connected records were not found
  P2003: ["invalid_input", "invalidReference"], // foreign key constraint failed
  P2002: ["conflict", "alreadyExists"], // unique constraint failed
  P2000: ["invalid_input", "valueTooLong"], // the value is too long for the column
  P2020: ["invalid_input", "valueOutOfRange"], // value out of range for the type
  P2007: ["invalid_input", "invalid_input"], // data validation error
};

const SQLSTATE = /^[0-9A-Z]{5}$/;

function sqlStateOf(error: object): string | undefined {
  const e = error as {
    name?: unknown;
    code?: unknown;
    meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } };
    cause?: { originalCode?: unknown };
  };
  const candidates = [e.meta?.driverAdapterError?.cause?.originalCode, e.name === "DriverAdapterError" ? e.cause?.originalCode : undefined];
  // pg's and PGlite's own DatabaseError carry the SQLSTATE as `code`.
  if (e.name === "DatabaseError" || e.name === "error") candidates.push(e.code);
  return candidates.find((c): c is string => typeof c === "string" && SQLSTATE.test(c));
}

/** The domain error a database refusal of bad input means, or undefined for anything else. */
export function databaseRefusal(error: unknown): AppError | undefined {
  if (!error || typeof error !== "object") return undefined;
  const state = sqlStateOf(error);
  const known = (error as { name?: unknown }).name === "PrismaClientKnownRequestError";
  const refusal = (state && bySqlState[state]) || (known ? byPrismaCode[String((error as { code?: unknown }).code)] : undefined);
  return refusal ? new AppError(...refusal) : undefined;
}

/** A unique constraint refused the write (Prisma's P2002): someone else wrote the same key first. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "P2002";
