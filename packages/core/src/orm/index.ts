/** @alkahest/core/orm: the Session (Core-level for now; mapping comes next). */
export { Session } from "./session.js";
