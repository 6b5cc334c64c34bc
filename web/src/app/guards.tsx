import { useEffect } from 'react';
import { Navigate, Outlet, useLocation, useSearchParams } from 'react-router';
import type { Role } from '@/api/types';
import { useAppDispatch, useAppSelector } from '@/app/hooks';
import { AccessDenied } from '@/components/ui/access-denied';
import { SplashScreen } from '@/components/ui/splash-screen';
import { refreshSession } from '@/lib/api-client';
import { selectCurrentUser, selectSessionStatus, selectSignOutReason } from '@/lib/auth/auth-slice';
import { homeForRole, safeNextPath } from '@/lib/auth/roles';

/** Restores the session from the refresh cookie once, showing a splash until it answers. */
export function SessionGate() {
  const dispatch = useAppDispatch();
  const status = useAppSelector(selectSessionStatus);

  useEffect(() => {
    // Single flight inside refreshSession makes StrictMode's double effect harmless.
    if (status === 'unknown') void refreshSession(dispatch, false);
  }, [status, dispatch]);

  return status === 'unknown' ? <SplashScreen /> : <Outlet />;
}

/** Landing, login and register: a signed-in user is sent on to `next` or their home. */
export function PublicOnlyRoute() {
  const user = useAppSelector(selectCurrentUser);
  const [params] = useSearchParams();
  if (user) {
    return <Navigate to={safeNextPath(params.get('next')) ?? homeForRole(user.role)} replace />;
  }
  return <Outlet />;
}

export function RequireAuth() {
  const user = useAppSelector(selectCurrentUser);
  const reason = useAppSelector(selectSignOutReason);
  const location = useLocation();
  if (!user) {
    if (reason === 'signed_out') return <Navigate to="/login" replace />;
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

export function RequireRole({ role }: { role: Role }) {
  const user = useAppSelector(selectCurrentUser);
  if (!user) return null; // RequireAuth above has already redirected.
  if (user.role !== role) return <AccessDenied homeHref={homeForRole(user.role)} />;
  return <Outlet />;
}
