// Progressive enhancement of the intake form: a question asked only after a "Yes" (data-asked-when names the yes/no
// question it depends on) is hidden until that question is answered Yes. Without this script every question shows,
// with a hint saying when it applies. Nothing else depends on script.
(() => {
  const dependents = document.querySelectorAll('[data-asked-when]');
  if (dependents.length === 0) return;
  const update = () => {
    for (const element of dependents) {
      const controller = document.getElementById(`${element.dataset.askedWhen}-yes`);
      if (!controller) continue;
      const show = controller.checked;
      element.hidden = !show;
    }
  };
  document.addEventListener('change', update);
  update();
})();
