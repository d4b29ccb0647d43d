import { router } from "../init";
import { create } from "./create";
import { escalate } from "./escalate";
import { exportFile } from "./export";
import { formOptions } from "./form-options";
import { get } from "./get";
import { list } from "./list";
import { links, merge } from "./merge-links";
import { rate } from "./rate";
import { editMessage, reply } from "./reply";
import { requestCall } from "./request-call";
import { requesterTickets } from "./requester-tickets";
import { assign, assignees, setPriority, take, transfer } from "./staff";
import { sla } from "./sla";
import { sourceArticle } from "./source-article";
import { revealSensitiveInfo } from "./sensitive";
import { close, reopen, setStatus } from "./status";
import { bulk } from "./bulk";
import { tagsRouter } from "./tags";
import { addWatcher, removeWatcher, setMuted } from "./watchers";

export const ticketsRouter = router({
  formOptions,
  create,
  get,
  list,
  reply,
  editMessage,
  addWatcher,
  removeWatcher,
  setMuted,
  escalate,
  requestCall,
  close,
  reopen,
  setStatus,
  rate,
  export: exportFile,
  take,
  assign,
  transfer,
  setPriority,
  assignees,
  sla,
  requesterTickets,
  revealSensitive: revealSensitiveInfo,
  sourceArticle,
  merge,
  links,
  tags: tagsRouter,
  bulk,
});
