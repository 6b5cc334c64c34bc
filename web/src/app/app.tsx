import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { AppProviders } from '@/app/providers';
import { createAppRouter } from '@/app/routes';
import { makeStore } from '@/app/store';

export function App() {
  const [store] = useState(() => makeStore());
  const [router] = useState(() => createAppRouter());
  return (
    <AppProviders store={store}>
      <RouterProvider router={router} />
    </AppProviders>
  );
}
