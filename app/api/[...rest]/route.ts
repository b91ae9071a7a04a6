import { apiError } from "@/lib/token-api/responses";

// Any /api/ address that names no route. Without this, Next.js rendered the
// not-found *page* for it, and a page takes a multipart POST for a server
// action form: a broken body there was a 500 (`POST /api/v1/token` with
// "multipart/form-data" — also what `/api/v1/credentials/../token` resolved
// to). A route handler reads no body it does not need.
const noSuchRoute = () =>
  apiError(
    404,
    "not_found",
    "There is no API at this address. The API's addresses are listed in the README.",
  );

export {
  noSuchRoute as GET,
  noSuchRoute as POST,
  noSuchRoute as PUT,
  noSuchRoute as PATCH,
  noSuchRoute as DELETE,
};
