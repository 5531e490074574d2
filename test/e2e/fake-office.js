/* global window, setTimeout */
// A minimal stand-in for office.js, served in its place to the built task pane by
// pane-a11y.test.ts: Office says the host is Excel with the display language and theme the test
// sets in window.__FAKE_OFFICE__. Excel.run fails after a delay (long enough for the spinner),
// with the code the test chooses, unless the test gives sheets (`sheets: [{ name, values,
// formulas }]`): then a run may read their names and used ranges, which is what 读取项目 needs,
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
  function readOnlyContext(sheets) {
    var items = sheets.map(function (sheet) {
      return {
        name: sheet.name,
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
