// @gov-disclosure/core/messages/zh-CN: the Chinese message table alone, for `formatWith` of the validator entry.

/** Chinese (zh-CN) messages. */
export { zhCN as messages } from "./zh-CN";
