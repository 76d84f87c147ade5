// The web shop's little JavaScript: the sync's progress bar and the live quote. Everything else is server-rendered.
(function () {
  'use strict';

  function csrfHeaders() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    if (token && header) {
      headers[header.content] = token.content;
    }
    return headers;
  }

  // ---- the sync: poll its progress while it runs, then show the status page with its report
  var panel = document.getElementById('sync-panel');
  if (panel && (panel.dataset.running === 'true' || location.search.indexOf('syncing') >= 0)) {
    var poll = function () {
      fetch('sync/progress', { headers: { 'Accept': 'application/json' } })
        .then(function (response) { return response.json(); })
        .then(function (progress) {
          var bar = document.getElementById('sync-bar');
          var text = document.getElementById('sync-text');
          if (progress.total > 0) {
            bar.style.width = Math.round(100 * progress.done / progress.total) + '%';
            text.textContent = progress.done + ' / ' + progress.total;
          }
          if (progress.running) {
            setTimeout(poll, 300);
          } else {
            location.replace(location.pathname + '?synced');
          }
        });
    };
    poll();
  }

  // ---- the live quote: the form as the quote protocol's JSON, POST /api/quote, the answer beside the fields
  var form = document.getElementById('order-form');
  if (!form) {
    return;
  }
  var quoteBox = document.getElementById('quote');
  var quoteBody = document.getElementById('quote-body');

  function value(name) {
    var field = form.elements[name];
    return field ? field.value : '';
  }

  function number(name) {
    var parsed = parseInt(value(name), 10);
    return isNaN(parsed) ? 0 : parsed;
  }

  function checked(name) {
    var boxes = form.querySelectorAll('input[type=checkbox][name="' + name + '"]');
    return boxes.length > 0 && boxes[0].checked;
  }

  function request() {
    var operation = form.dataset.operation;
    var json = { operation: operation, seats: number('seats') };
    if (operation === 'NEW' || operation === 'TRIAL') {
      json.product = value('product');
      if (operation === 'NEW') {
        json.years = number('years');
        if (value('eligibilityCode')) { json.eligibilityCode = value('eligibilityCode'); }
      } else {
        json.months = number('months');
      }
      if (value('discount')) { json.discount = value('discount'); }
      if (checked('crossgrade')) {
        json.crossgrade = { seats: number('crossgradeSeats'), expires: value('crossgradeExpires'),
          proof: value('crossgradeProof') };
      }
    } else {
      json.years = number('years');
      if (operation === 'PRODUCT_CHANGE') { json.product = value('product'); }
      if (operation === 'TRIAL_CONVERSION') {
        // priced as NEW for the trial's product: the same programme or crossgrade
        if (value('discount')) { json.discount = value('discount'); }
        if (value('eligibilityCode')) { json.eligibilityCode = value('eligibilityCode'); }
        if (checked('crossgrade')) {
          json.crossgrade = { seats: number('crossgradeSeats'), expires: value('crossgradeExpires'),
            proof: value('crossgradeProof') };
        }
      }
      json.license = { product: form.dataset.licenseProduct, seats: parseInt(form.dataset.licenseSeats, 10),
        expires: form.dataset.licenseExpires };
      if (form.dataset.licenseDiscount) { json.license.discount = form.dataset.licenseDiscount; }
      json.license.trial = form.dataset.licenseTrial === 'true';
    }
    return json;
  }

  function clearViolations() {
    form.querySelectorAll('ul.violations').forEach(function (list) { list.textContent = ''; });
    document.getElementById('other-violations').textContent = '';
  }

  function show(answer) {
    clearViolations();
    quoteBody.textContent = '';
    if (answer.accepted) {
      // every value as the server's presentation shows it in the page's language (150,60 € in German)
      var shown = answer.display;
      var summary = document.createElement('p');
      summary.textContent = quoteBox.dataset.street + ' ' + shown.streetPrice + ' · '
        + quoteBox.dataset.yours + ' ' + shown.yourPrice + ' · '
        + quoteBox.dataset.expires + ' ' + shown.expires;
      summary.id = 'quote-summary';
      quoteBody.appendChild(summary);
      var table = document.createElement('table');
      table.id = 'quote-lines';
      var head = table.createTHead().insertRow();
      ['', quoteBox.dataset.sku, quoteBox.dataset.seats, quoteBox.dataset.street, quoteBox.dataset.yours]
        .forEach(function (title) {
          var cell = document.createElement('th');
          cell.textContent = title;
          head.appendChild(cell);
        });
      var body = table.createTBody();
      (shown.lines || []).forEach(function (line) {
        var row = body.insertRow();
        [line.label, line.sku, line.seats, line.streetPrice, line.yourPrice].forEach(function (cell) {
          row.insertCell().textContent = cell;
        });
      });
      quoteBody.appendChild(table);
      return;
    }
    (answer.violations || []).forEach(function (violation) {
      var list = form.querySelector('ul.violations[data-field="' + violation.field + '"]')
        || document.getElementById('other-violations');
      var item = document.createElement('li');
      item.textContent = violation.message;
      list.appendChild(item);
    });
  }

  var pending = null;
  function requote() {
    clearTimeout(pending);
    pending = setTimeout(function () {
      fetch(quoteBox.dataset.url, { method: 'POST', headers: csrfHeaders(), body: JSON.stringify(request()) })
        .then(function (response) { return response.json(); })
        .then(show)
        .catch(function () { quoteBody.textContent = '…'; });
    }, 250);
  }

  form.addEventListener('input', requote);
  form.addEventListener('change', requote);
  if (!form.querySelector('ul.violations li')) {
    requote();
  }
})();
