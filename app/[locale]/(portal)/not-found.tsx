import { NotFoundView } from "../../_components/not-found-view";

/** A ticket or page of the portal that is not there (or not the viewer's): inside the portal layout. */
export default function PortalNotFound() {
  return <NotFoundView home="/tickets" />;
}
