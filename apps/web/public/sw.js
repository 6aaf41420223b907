// OurChart service worker: shows web push alerts. A push says only that something is waiting
// ("New message in OurChart"), never what: the page behind the link shows it after sign-in.
// Served from the site root (same origin, so the 'self' Content-Security-Policy allows it).
self.addEventListener('push', (event) => {
  let data = { title: 'OurChart', body: '', url: '/notifications' };
  try {
    if (event.data) data = { ...data, ...event.data.json() };
  } catch {
    // A push we cannot read still says that something is waiting.
  }
  event.waitUntil(self.registration.showNotification(data.title, { body: data.body, data: { url: data.url }, tag: 'ourchart' }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = typeof event.notification.data?.url === 'string' && event.notification.data.url.startsWith('/') ? event.notification.data.url : '/notifications';
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
      for (const w of windows) {
        if (new URL(w.url).origin === self.location.origin && 'focus' in w) {
          w.navigate(path);
          return w.focus();
        }
      }
      return self.clients.openWindow(path);
    }),
  );
});
