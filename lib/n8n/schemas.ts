import { z } from "zod";

export const n8nTargetSchema = z.object({
  baseUrl: z
    .string({ error: "Enter n8n's address." })
    .trim()
    .min(1, "Enter n8n's address, like https://n8n.example.com.")
    .max(2000, "Use an address of at most 2000 characters.")
    .refine((value) => {
      try {
        return ["http:", "https:"].includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, "Enter a full http:// or https:// address, like https://n8n.example.com."),
  apiKey: z
    .string({ error: "Enter the n8n API key." })
    .trim()
    .min(1, "Enter the n8n API key (n8n: Settings → n8n API → Create an API key).")
    .max(4000, "That is too long for an n8n API key."),
});

export const useInN8nSchema = z.object({
  credentialId: z.string().min(1),
  // Empty: a new n8n credential is created. n8n's ids are letters, digits, _ and -.
  n8nCredentialId: z
    .string()
    .trim()
    .max(64, "An n8n credential id is at most 64 characters.")
    .regex(
      /^[A-Za-z0-9_-]*$/,
      "An n8n credential id has only letters, digits, _ and -, like Fu6BeSyqxrvQDmlX.",
    )
    .default(""),
});

export const stopUsingInN8nSchema = z.object({ credentialId: z.string().min(1) });
