import { expect, test } from "vitest";
import { safeErrorText } from "./safe-error-text";

test("the log gets the error's words with secrets blanked, and Prisma's code when it has one", () => {
  const url = new Error("connect failed: postgresql://admin:hunter2@db.internal:5432/zcw");
  expect(safeErrorText(url)).toBe("Error: connect failed: postgresql://[redacted]@db.internal:5432/zcw");

  const token = new Error(`Zoom said no to ${"eyJhbGciOiJIUzUxMiJ9".repeat(3)}`);
  expect(safeErrorText(token)).toBe("Error: Zoom said no to [redacted]");

  const prisma = Object.assign(new Error(""), { name: "PrismaClientKnownRequestError", code: "P1008" });
  expect(safeErrorText(prisma)).toBe("PrismaClientKnownRequestError: [P1008]");

  expect(safeErrorText("a string")).toBe("unknown error");
});
