/* global window, setTimeout */
// A minimal stand-in for office.js, served in its place to the built task pane by
// pane-a11y.test.ts: Office says the host is Excel with the display language and theme the test
// sets in window.__FAKE_OFFICE__. Excel.run fails after a delay (long enough for the spinner),
// with the code the test chooses, unless the test gives sheets (`sheets: [{ name, values,
// formulas }]`): then a run may read their names, used ranges and row slices of them (read in
// batches under 1 MB, as src/excel/read-ranges.ts does), which is what 读取项目 needs,
// and anything else it tries fails. Nothing more of Office is imitated.
(function () {
  var cfg = window.__FAKE_OFFICE__ || {};
  var info = { host: 'Excel', platform: 'OfficeOnline' };
  window.Office = {
    HostType: { Excel: 'Excel' },
    context: {
      displayLanguage: cfg.displayLanguage || 'zh-CN',
      officeTheme: cfg.officeTheme,
      requirements: {
        isSetSupported: function () {
          return true;
        },
      },
    },
    actions: { associate: function () {} },
    onReady: function (callback) {
      if (callback) setTimeout(function () { callback(info); }, 0);
      return Promise.resolve(info);
    },
  };
  window.CustomFunctions = { associate: function () {} };
  function colNumber(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
    return n;
  }
  // A range of a sheet read in slices (src/excel/read-ranges.ts): `A1:H30`, rows and columns from 1.
  function sliceOf(sheet, address) {
    var m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address.replace(/\$/g, ''));
    var r1 = Number(m[2]) - 1;
    var r2 = Number(m[4]);
    var c1 = colNumber(m[1]) - 1;
    var c2 = colNumber(m[3]);
    var cut = function (grid) {
      return grid.slice(r1, r2).map(function (row) {
        return row.slice(c1, c2);
      });
    };
    return { values: cut(sheet.values), formulas: cut(sheet.formulas), load: function () {} };
  }
  function readOnlyContext(sheets) {
    var items = sheets.map(function (sheet) {
      return {
        name: sheet.name,
        getRange: function (address) {
          return sliceOf(sheet, address);
        },
        getUsedRangeOrNullObject: function () {
          var rows = sheet.values.length;
          var cols = rows ? sheet.values[0].length : 0;
          var last = String.fromCharCode(64 + cols) + rows;
          return { isNullObject: rows === 0, address: sheet.name + '!A1:' + last, values: sheet.values, formulas: sheet.formulas, load: function () {} };
        },
      };
    });
    return {
      workbook: { worksheets: { items: items, load: function () {} } },
      sync: function () {
        return Promise.resolve();
      },
    };
  }
  window.Excel = {
    run: function (batch) {
      if (cfg.sheets) {
        return new Promise(function (resolve) {
          setTimeout(resolve, cfg.runDelay || 0);
        }).then(function () {
          return batch(readOnlyContext(cfg.sheets));
        });
      }
      return new Promise(function (resolve, reject) {
        setTimeout(function () {
          var err = new Error(cfg.errorMessage || 'The operation failed.');
          err.code = cfg.errorCode || 'GeneralException';
          reject(err);
        }, cfg.runDelay || 1500);
      });
    },
  };
})();
