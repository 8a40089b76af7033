// An expert's mark: the first letter of their name on their own colour. Decorative: the name
// is always written beside it.
import type { ExpertId } from "../../api/chat";
import { expertName } from "./experts";

export function ExpertAvatar(props: { expert: ExpertId }) {
  return (
    <span class="expert-avatar" data-expert={props.expert} aria-hidden="true">
      {[...expertName(props.expert)][0]}
    </span>
  );
}
