// The web shop's little JavaScript: the sync's progress bar and the order forms' live check. Everything else is server-rendered.
(function () {
  'use strict';

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

  // ---- the live check: the form posted to its check endpoint as the reseller types; every violation beside its
  // field (the end customer's and the EULA's once the reseller has been there, all after a refused order), the
  // price, and Order enabled only when the one check passes
  var form = document.getElementById('order-form');
  if (!form) {
    return;
  }
  var quoteBox = document.getElementById('quote');
  var quoteBody = document.getElementById('quote-body');
  var orderButton = document.getElementById('order');
  var showAll = form.dataset.submitted === 'true';
  var touched = {};
  // the form's property names as the violations name their fields (one mapping with FieldViolations)
  var FIELD_OF = { crossgradeSeats: 'crossgrade.seats', crossgradeExpires: 'crossgrade.expires',
    crossgradeProof: 'crossgrade.proof', organization: 'customer.organization', firstName: 'customer.firstName',
    lastName: 'customer.lastName', email: 'customer.email', country: 'customer.country' };

  function fieldOf(name) {
    return FIELD_OF[name] || name.replace(/^_/, '');
  }

  function clearViolations() {
    form.querySelectorAll('ul.violations').forEach(function (list) { list.textContent = ''; });
    document.getElementById('other-violations').textContent = '';
  }

  function cell(row, text, header) {
    var element = document.createElement(header ? 'th' : 'td');
    element.textContent = text;
    row.appendChild(element);
  }

  function showQuote(answer) {
    var quote = answer.quote || {};
    if (!quote.accepted) {
      // the rules beside the fields say why there is no price
      quoteBody.textContent = '–';
      return;
    }
    quoteBody.textContent = '';
    // every value as the server's presentation shows it in the page's language (150,60 € in German)
    var shown = answer.display || {};
    var summary = document.createElement('p');
    summary.textContent = quoteBox.dataset.street + ' ' + shown.streetPrice + ' · '
      + quoteBox.dataset.yours + ' ' + shown.yourPrice + ' · '
      + quoteBox.dataset.expires + ' ' + shown.expires;
    summary.id = 'quote-summary';
    quoteBody.appendChild(summary);
    var table = document.createElement('table');
    table.id = 'quote-lines';
    var head = table.createTHead().insertRow();
    [quoteBox.dataset.line, quoteBox.dataset.sku, quoteBox.dataset.seats, quoteBox.dataset.street,
      quoteBox.dataset.yours].forEach(function (title) { cell(head, title, true); });
    var body = table.createTBody();
    var labels = answer.lineLabels || [];
    (shown.lines || []).forEach(function (line, index) {
      var row = body.insertRow();
      row.className = 'quote-line';
      [labels[index] || line.label, line.sku, line.seats, line.streetPrice, line.yourPrice].forEach(function (text) {
        cell(row, text, false);
      });
    });
    quoteBody.appendChild(table);
  }

  // the fields the reseller fills in: an empty one is no mistake until the reseller has been there
  function waitsForInput(field) {
    return field === 'eula' || field.indexOf('customer.') === 0;
  }

  function show(answer) {
    clearViolations();
    (answer.violations || []).forEach(function (violation) {
      var beside = violation.field !== '*';
      if (!showAll && waitsForInput(violation.field) && !touched[violation.field]) {
        return;
      }
      var list = (beside && form.querySelector('ul.violations[data-field="' + violation.field + '"]'))
        || document.getElementById('other-violations');
      var item = document.createElement('li');
      item.textContent = violation.message;
      list.appendChild(item);
    });
    orderButton.disabled = !answer.orderable;
    form.dataset.orderable = String(answer.orderable === true);
    showQuote(answer);
  }

  var pending = null;
  var asked = 0;
  var lastAsked = null;
  var lastAnswer = null;
  // Order keeps the last answer's state until the next one arrives: the change event of a field left for the
  // button comes just before the click, and the form has not changed since (the order is checked again anyway)
  function check() {
    clearTimeout(pending);
    pending = setTimeout(function () {
      var body = new URLSearchParams(new FormData(form)).toString();
      if (body === lastAsked) {
        // the same form: its last answer again, now beside the fields the reseller has been to since
        if (lastAnswer) {
          show(lastAnswer);
        }
        return;
      }
      lastAsked = body;
      var question = ++asked;
      fetch(form.dataset.check, { method: 'POST', headers: { 'Accept': 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded' }, body: body })
        .then(function (response) { return response.json(); })
        .then(function (answer) {
          if (question === asked) {
            lastAnswer = answer;
            show(answer);
          }
        })
        .catch(function () { quoteBody.textContent = '…'; });
    }, 250);
  }

  // the seat range, the bounds and (on the trial form) the months of the product chosen
  var product = document.getElementById('product');
  var seats = document.getElementById('seats');
  function productChosen() {
    var option = product && product.selectedOptions[0];
    if (!option) {
      return;
    }
    var min = parseInt(option.dataset.minSeats, 10);
    var max = parseInt(option.dataset.maxSeats, 10);
    document.getElementById('seat-range').textContent = option.dataset.range;
    if (form.dataset.operation === 'NEW' || form.dataset.operation === 'TRIAL') {
      seats.min = min;
      seats.max = max;
      var now = parseInt(seats.value, 10);
      if (isNaN(now) || now < min || now > max) {
        seats.value = min;
      }
    }
    var months = document.getElementById('months');
    if (months) {
      var chosen = months.value;
      months.textContent = '';
      option.dataset.months.split(',').filter(Boolean).forEach(function (value) {
        var item = document.createElement('option');
        item.value = value;
        item.textContent = value + ' ' + (value === '1' ? months.dataset.one : months.dataset.many).replace(/^\d+\s*/, '');
        item.selected = value === chosen;
        months.appendChild(item);
      });
    }
  }

  var crossgrade = document.getElementById('crossgrade1');
  var crossgradeFields = document.getElementById('crossgrade-fields');
  function crossgradeTicked() {
    if (crossgrade && crossgradeFields) {
      crossgradeFields.hidden = !crossgrade.checked;
    }
  }

  function changed(event) {
    if (event.target.name) {
      touched[fieldOf(event.target.name)] = true;
    }
    if (event.target === product) {
      productChosen();
    }
    if (event.target === crossgrade) {
      crossgradeTicked();
    }
    check();
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  form.addEventListener('submit', function (event) {
    if (form.dataset.orderable !== 'true') {
      event.preventDefault();
    }
  });
  crossgradeTicked();
  check();
})();
