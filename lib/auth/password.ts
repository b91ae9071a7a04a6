import bcrypt from "bcryptjs";

// Cost 12 takes ~200 ms here: slow for an attacker, fine for a sign-in.
const COST = 12;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);
export const verifyPassword = (password: string, hash: string) => bcrypt.compare(password, hash);

// Compared against when the email is unknown, so both paths take as long.
const DUMMY_HASH = "$2b$12$eDZMEWm9CVMurCoqBjKAzeUCvHDB4riz9qJDuqB5Vsc59KmUxHnyK";
export const burnPasswordCheck = (password: string) => bcrypt.compare(password, DUMMY_HASH);
