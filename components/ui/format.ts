/** Dates as people read them, in the server's locale-neutral English. */
export function formatDateTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return (
    new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(
      new Date(date),
    ) + " UTC"
  );
}

export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(date));
}
