import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { router } from './routes';
import { BrokerSessionRunner } from './session/broker-session-runner';
import { TaskTimingsSync } from './task-timings-sync';

const queryClient = new QueryClient({
  defaultOptions: { queries: { refetchOnWindowFocus: false } },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrokerSessionRunner />
      <TaskTimingsSync />
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
