'use client';
import { useEffect } from 'react';

/** Scrolls the article box (not the page) so the highlighted evidence is in view. */
export function ScrollToEvidence() {
  useEffect(() => {
    const mark = document.getElementById('evidence');
    const box = mark?.closest('.article-body');
    if (mark && box instanceof HTMLElement)
      box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - box.clientHeight / 3);
  }, []);
  return null;
}
