// A round sample of a color, always beside (or labelled by) its name.
import "./color-swatch.css";

export function ColorSwatch(props: { hex: string }) {
  return <span class="swatch" style={{ "background-color": props.hex }} aria-hidden="true" />;
}
