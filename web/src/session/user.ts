// The signed-in user, shared by the frame (header, guard) and the pages. `null` until the
// frame has asked the Worker (`/api/auth/me`) or the login page has just signed someone in.
import { createSignal } from "solid-js";
import type { User } from "../api/auth";

const [user, setUser] = createSignal<User | null>(null);

export { setUser, user };
