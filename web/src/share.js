// A share link carries the code and the chosen models in the URL's fragment (never sent to a server).
function toBase64Url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function shareLink(code, models) {
  const url = new URL(location.href);
  url.hash = `code=${toBase64Url(code)}&models=${models.join(',')}`;
  return url.toString();
}

/** {code, models} from the current URL, or null. */
export function readShared() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (!params.has('code')) return null;
  try {
    return { code: fromBase64Url(params.get('code')), models: (params.get('models') ?? '').split(',').filter(Boolean) };
  } catch {
    return null;
  }
}
