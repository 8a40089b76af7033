// Sends a signed-out visitor to the login page, remembering where they were going. Used by
// the frame when `/api/auth/me` says 401, and by any page whose call finds the session gone.
import { useLocation, useNavigate } from "@solidjs/router";
import { ApiError } from "../api/client";
import { loginPath } from "./return-to";
import { setUser } from "./user";

export const isSignedOut = (err: unknown): boolean => err instanceof ApiError && err.status === 401;

export function useSendToLogin(): () => void {
  const navigate = useNavigate();
  const location = useLocation();
  return () => {
    setUser(null);
    navigate(loginPath(location.pathname + location.search + location.hash), { replace: true });
  };
}
