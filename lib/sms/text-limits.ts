// Twilio splits longer texts into segments and refuses bodies over 1 600 characters. Pure, so the
// composer's counter and the server's check read the same figure.
export const MAX_TEXT_LENGTH = 1600;
