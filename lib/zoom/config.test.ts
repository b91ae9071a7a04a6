import { describe, expect, it } from "vitest";
import { zoomConfig, zoomEndpoints } from "./config";

describe("zoomConfig", () => {
  it("defaults to Zoom's production hosts", () => {
    expect(zoomConfig({})).toEqual({ oauthBaseUrl: "https://zoom.us", apiBaseUrl: "https://api.zoom.us/v2" });
    expect(zoomEndpoints(zoomConfig({}))).toEqual({
      authorize: "https://zoom.us/oauth/authorize",
      token: "https://zoom.us/oauth/token",
      revoke: "https://zoom.us/oauth/revoke",
      usersMe: "https://api.zoom.us/v2/users/me",
    });
  });

  it("reads the environment and strips trailing slashes", () => {
    const config = zoomConfig({
      ZOOM_OAUTH_BASE_URL: "http://127.0.0.1:4010/",
      ZOOM_API_BASE_URL: " http://127.0.0.1:4010/v2// ",
    });
    expect(config).toEqual({ oauthBaseUrl: "http://127.0.0.1:4010", apiBaseUrl: "http://127.0.0.1:4010/v2" });
  });

  it("treats an empty variable as unset", () => {
    expect(zoomConfig({ ZOOM_OAUTH_BASE_URL: "" }).oauthBaseUrl).toBe("https://zoom.us");
  });

  it("refuses anything but a plain http(s) URL, naming the variable", () => {
    expect(() => zoomConfig({ ZOOM_OAUTH_BASE_URL: "ftp://zoom.us" })).toThrow(/ZOOM_OAUTH_BASE_URL/);
    expect(() => zoomConfig({ ZOOM_API_BASE_URL: "not a url" })).toThrow(/ZOOM_API_BASE_URL/);
    expect(() => zoomConfig({ ZOOM_API_BASE_URL: "https://api.zoom.us/v2?x=1" })).toThrow(/query string/);
  });
});
