// MFA Desk help desk: live refresh of the queue. Builds rows with textContent only, never HTML from data.
(function () {
  'use strict';
  var table = document.getElementById('queue');
  if (!table) {
    return;
  }
  var url = table.getAttribute('data-refresh-url');
  var status = document.getElementById('refreshed');
  var tbody = table.tBodies[0];

  function cell(row, text, title) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (title) {
      td.title = title;
    }
    row.appendChild(td);
    return td;
  }

  function span(parent, text, className) {
    var s = document.createElement('span');
    s.textContent = text == null ? '' : String(text);
    if (className) {
      s.className = className;
    }
    parent.appendChild(s);
    parent.appendChild(document.createTextNode(' '));
  }

  function render(rows) {
    var fresh = document.createElement('tbody');
    rows.forEach(function (e) {
      var tr = document.createElement('tr');
      var refCell = document.createElement('td');
      var link = document.createElement('a');
      link.href = '/helpdesk/escalations/' + encodeURIComponent(e.ref);
      link.textContent = e.ref;
      refCell.appendChild(link);
      tr.appendChild(refCell);
      cell(tr, e.age, e.createdAt);
      var requester = document.createElement('td');
      span(requester, e.requesterName || '');
      span(requester, e.requesterAddress || '', 'address');
      span(requester, e.verified ? 'verified' : 'NOT VERIFIED', e.verified ? 'badge ok' : 'badge warn');
      tr.appendChild(requester);
      cell(tr, e.scenario);
      cell(tr, e.reasonLabel);
      cell(tr, e.status);
      cell(tr, e.assignee || '\u2013');
      fresh.appendChild(tr);
    });
    if (rows.length === 0) {
      var empty = document.createElement('tr');
      empty.className = 'empty';
      var td = cell(empty, 'Nothing waiting. Good.');
      td.colSpan = 7;
      fresh.appendChild(empty);
    }
    table.replaceChild(fresh, tbody);
    tbody = fresh;
  }

  function refresh() {
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}, redirect: 'error'})
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status === 401 ? 'signed out: reload to sign in' : 'HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (rows) {
        render(rows);
        status.textContent = 'updated ' + new Date().toLocaleTimeString();
        status.className = 'refreshed';
      })
      .catch(function (error) {
        status.textContent = 'not refreshed (' + error.message + ')';
        status.className = 'refreshed stale';
      });
  }

  window.setInterval(refresh, 10000);
})();
