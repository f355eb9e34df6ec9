// Follows a running run on its report page: moves the progress bar with the run's server-sent events and reloads
// the page once the run has ended, so that the verdicts and the picture appear. The page reads fine without it.
(function () {
  const id = document.querySelector('meta[name="run-id"]').content;
  const bar = document.getElementById('progress');
  const text = document.getElementById('progress-text');
  const status = document.getElementById('status');
  const events = new EventSource('/api/runs/' + id + '/events');
  events.addEventListener('progress', (e) => {
    const p = JSON.parse(e.data);
    bar.max = Math.max(p.total, 1);
    bar.value = p.done;
    text.textContent = p.done + ' of ' + p.total + ' steps';
  });
  events.addEventListener('status', (e) => {
    const run = JSON.parse(e.data);
    status.textContent = run.status;
    if (['SUCCEEDED', 'FAILED', 'CANCELLED', 'TIMED_OUT'].includes(run.status)) {
      events.close();
      window.location.reload();
    }
  });
  events.onerror = () => {
    events.close();
    setTimeout(() => window.location.reload(), 2000);
  };
})();
