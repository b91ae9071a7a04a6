/**
 * Runs once when the server starts, before it serves anything: validates the
 * configuration and refuses to start when stored secrets cannot be read.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkStartup } = await import("@/lib/startup/check-startup");
  await checkStartup();
}
