/** `file` relative to the directory of `from` (absolute paths kept); POSIX separators, as the adapters pass them. */
export function resolveRelative(from: string, file: string): string {
  if (file.startsWith('/') || /^[A-Za-z]:[\\/]/.test(file)) return file;
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '.';
  const parts = `${dir}/${file}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '.' && out.length > 0) continue;
    if (p === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else out.push(p);
  }
  return out.join('/');
}
