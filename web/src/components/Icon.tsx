// The handful of line icons the shell needs, inline so they cost no request. Always
// decorative: the text beside them (or an aria-label on the control) carries the meaning.
import type { JSX } from "solid-js";

const PATHS = {
  occasions: "M5 5.5h14a1 1 0 0 1 1 1v12.5a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V6.5a1 1 0 0 1 1-1zM4 10h16M8.5 3.5v4M15.5 3.5v4M8.5 14.5l2 2 4.5-4.5",
  style: "M12 6.5a2 2 0 1 1 2 2c-1 .4-2 .9-2 2v.5M12 11l-8.6 6.1a1 1 0 0 0 .6 1.9h16a1 1 0 0 0 .6-1.9z",
  catalog: "M4 4h6.5v6.5H4zM13.5 4H20v6.5h-6.5zM4 13.5h6.5V20H4zM13.5 13.5H20V20h-6.5z",
  tryOn: "M8.5 3.5 4 5.7 2.5 10l3.2 1.4V20.5h12.6v-9.1l3.2-1.4L20 5.7l-4.5-2.2c-.6 1.5-2 2.4-3.5 2.4s-2.9-.9-3.5-2.4z",
  practice: "M9 6.5a3 3 0 0 1 6 0V11a3 3 0 0 1-6 0zM5.5 11a6.5 6.5 0 0 0 13 0M12 17.5V21M8.5 21h7",
  progress: "M4 4v16h16M7.5 15l3.5-4 3 2.5 5-6.5",
  profile: "M8 8a4 4 0 1 0 8 0 4 4 0 1 0-8 0M4.5 20.5a7.5 7.5 0 0 1 15 0",
  logout: "M9.5 4H6.5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h3M15.5 16.5 20 12l-4.5-4.5M20 12H9.5",
  search: "M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 1 0 0-13M15.3 15.3 20 20",
  upload: "M12 15.5V4M7.5 8.5 12 4l4.5 4.5M4.5 15v3.5a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2V15",
  download: "M12 4v11.5M7.5 11 12 15.5 16.5 11M4.5 19.5h15",
  share: "M12 15V4M8 7.5 12 3.5l4 4M7 10.5H5.5v9.5h13v-9.5H17",
  trash: "M4.5 6.5h15M9.5 6.5V4.5h5v2M6.5 6.5l1 13h9l1-13M10 10v6M14 10v6",
  sparkle: "M12 3.5l1.8 5 5 1.8-5 1.8-1.8 5-1.8-5-5-1.8 5-1.8zM18.5 16l.7 1.8 1.8.7-1.8.7-.7 1.8-.7-1.8-1.8-.7 1.8-.7z",
} as const;

export type IconName = keyof typeof PATHS;

export function Icon(props: { name: IconName; class?: string; size?: number }): JSX.Element {
  return (
    <svg
      class={props.class}
      width={props.size ?? 20}
      height={props.size ?? 20}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="1.8"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
     
    >
      <path d={PATHS[props.name]} />
    </svg>
  );
}
