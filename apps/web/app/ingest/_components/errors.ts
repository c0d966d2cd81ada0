// A mutation's or preview's `{ error }` payload as one readable sentence; batch field paths name the file.
interface PayloadError {
  message: string;
  inputErrors: readonly { path: string; message: string }[];
}

export function describePayloadError(error: PayloadError | null, fileName?: (index: number) => string): string {
  if (!error) return 'The API returned no result.';
  if (!error.inputErrors.length) return error.message;
  return error.inputErrors
    .map((e) => {
      const batch = /^inputs\.(\d+)\.(.+)$/.exec(e.path);
      return batch && fileName
        ? `${fileName(Number(batch[1]))}: ${e.message}`
        : `${e.path.replace(/^input\./, '')}: ${e.message}`;
    })
    .join('; ');
}
