import { useEffect } from 'react';

export const PRODUCT_NAME = 'Lead-Nexus';

export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    document.title = title ? `${title} · ${PRODUCT_NAME}` : PRODUCT_NAME;
  }, [title]);
}
