import * as oauth from "oauth4webapi";
import { z } from "zod";
import { buildEntry } from "./catalogue-entries";
import { classifyApiError } from "./classify-error";
import { zoomEndpoints } from "./config";
import { prepareCall, readBody, requireValue, send, type ZoomCallOptions } from "./request";
import { ZoomError } from "./zoom-error";

export interface ZoomUser {
  id: string;
  /** Lower-cased: Zoom returns it as typed at sign-up. */
  email: string;
  firstName: string;
  lastName: string;
  displayName: string;
  accountId: string;
  picUrl?: string;
}

export interface GetCurrentUserOptions extends ZoomCallOptions {
  accessToken: string;
}

const userBody = z.object({
  id: z.string().min(1),
  email: z.string().trim().min(3).includes("@"),
  first_name: z.string().nullish(),
  last_name: z.string().nullish(),
  display_name: z.string().nullish(),
  account_id: z.string().min(1),
  pic_url: z.string().nullish(),
});

function safePicUrl(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return new URL(value).protocol === "https:" ? value : undefined;
  } catch {
    return undefined;
  }
}

function toZoomUser(data: z.infer<typeof userBody>): ZoomUser {
  const firstName = data.first_name?.trim() ?? "";
  const lastName = data.last_name?.trim() ?? "";
  const email = data.email.toLowerCase();
  const user: ZoomUser = {
    id: data.id,
    email,
    firstName,
    lastName,
    displayName: data.display_name?.trim() || `${firstName} ${lastName}`.trim() || email,
    accountId: data.account_id,
  };
  const picUrl = safePicUrl(data.pic_url);
  if (picUrl) user.picUrl = picUrl;
  return user;
}

/** `GET /users/me` with the token in the Authorization header (Zoom refuses query-string tokens). */
export async function getCurrentUser(options: GetCurrentUserOptions): Promise<ZoomUser> {
  const call = prepareCall(options);
  const { flow } = call;
  const accessToken = requireValue(
    options.accessToken,
    () => new ZoomError(buildEntry("invalid_access_token", { flow })),
  );
  const url = new URL(zoomEndpoints(call.config).usersMe);
  const headers = new Headers({ accept: "application/json" });

  const response = await send(
    flow,
    () => oauth.protectedResourceRequest(accessToken, "GET", url, headers, undefined, call.http),
    "users_me",
  );
  const body = await readBody(response, flow);
  if (response.status !== 200) {
    throw new ZoomError(classifyApiError({ status: response.status, body, headers: response.headers, flow }));
  }
  if (typeof body === "string")
    throw new ZoomError(buildEntry("invalid_response", { flow, httpStatus: 200 }));
  const parsed = userBody.safeParse(body);
  if (!parsed.success) throw new ZoomError(buildEntry("incomplete_response", { flow, httpStatus: 200 }));
  return toZoomUser(parsed.data);
}
