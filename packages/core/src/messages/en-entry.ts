// @gov-disclosure/core/messages/en: the English message table alone, for `formatWith` of the validator entry.

/** English messages. */
export { en as messages } from "./en";
