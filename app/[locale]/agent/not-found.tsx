import { NotFoundView } from "../../_components/not-found-view";

/** A ticket of the agent workspace that is not there (or not the viewer's): inside the agent layout. */
export default function AgentNotFound() {
  return <NotFoundView home="/agent" />;
}
