// /favicon.ico, which browsers ask every site for: the application's icon (a navy square with lines
// and a tick), 16, 32 and 48 pixels as PNG images in one ICO file. A route of its own rather than
// app/favicon.ico, whose metadata adds a client component to every page's metadata (Next's
// IconMark): the pages link to this address themselves (app/[locale]/layout.tsx). Outside the
// proxy's matcher (an address with a dot), so never sent through the locale routing.
const ICON = Buffer.from([
  'AAABAAMAEBAAAAEAIADRAQAANgAAACAgAAABACAA9QIAAAcCAAAwMAAAAQAgACIFAAD8BAAAiVBORw0KGgoAAAANSUhEUgAAABAA',
  'AAAQCAYAAAAf8/9hAAABhklEQVR4nJyTMUgCYRiGX6+zoNLLipRUaqmtsiGiqSAUa6qtJWqwIImmCJqqsZYgAtGmsiUaGhwsB7dA',
  'GmqKsq0iyALR9BT19O8/w+i8U8xnu++/932/j///2N6RRUOBLeypoLJBBT1qgSBCQAKMwGywRE32qXgO/4EGUc081aoZ6jaFeqFa',
  'lrpxqBeqZf9+NzWqcbCzAk7TrPh/PJHC2pYLmWzutyYxEA9Ctw/gtC3KBl+8RCwzEAndPdIOpAb3T89I8GlFU9kIZ4eb0JaNsOs6',
  'x6k/BIvVhhufDxk+WXmEQbtTlsLpDZh2riIvCCCkULkDJdqNJtiXlpHmeVy6XcimUtUNRmdmodHpEPR60WE0wupwIBmN4srjkbRe',
  'oqHNbNmWVAjB0KQV3f19GJgYR+w9gsCRR5ZcgikvvIXDCJ4co9NkxufLK012I5tWvgERVc/YQkzpNXJd+mLreSFXUUyfcpyhYr/S',
  'WfwjUl1cjIe/QWcYviYMEbfLQAutqIWfdb6g67z+DQAA//8G+gglAAAABklEQVQDAE3gjRN8bZz2AAAAAElFTkSuQmCCiVBORw0K',
  'GgoAAAANSUhEUgAAACAAAAAgCAYAAABzenr0AAACqklEQVR4nNyX3UtTYRzHv8/hnDRRb/JddK5GrSsLwdyCwosspQuLQpJ0GFnM',
  'uuhO+guk+7QILVCTZF2U9OouCrMR1aoFebEstoVrNSGwydbens5zorFKtrOztQN+4Jw9z+/hOd/v+T0/9jyHRxL1xp4eQkknJaSF',
  'ADXIIRTwEkqfUUJveWwTE7/jhN2qjd0aAcIVsdOGPCCamY0gcuqzbcrNsYBAhev5EmcwLQH8pNSuM5r6RBdXoQJx4AQnrksXVIJp',
  '8wRkB1SCafPivRJqIWpzUBk+1SDHEQwN9kFTWwEluJe+4vyFa4jHKRQZ0DXUoOvgHiilZaceY9MP4fy4BEUGFl1eTN+ZyyoD7Bmp',
  'IBqjiUJF1k8Ryim4jA1kUoR/F1y1TgfCcfA6nVBsIJMiTC64XYcOY7vBILUfT07C9dYBRQZYOgeH5O9TLPm7jxzF1ubmRCwWjaac',
  'k9JAJrB07z3WDW1jYyL22jqLTwvv8N8NcDyP1l4T6vT6ROz5zAwW5p+knZu1AY4X0NbfjyqtVupTSmGzWPD+5QtZ89MaKCwpQevx',
  'XvZoPL1pwYrfnxgTCgqw72Q/KjQaqR+PxTF3YwouhwNySftHpGtqQqW2Qby0aDebUVpeLsU3FBXhgHkgSTyGRxPjGYnLMvDBbkcw',
  '8F1qbywuQftpM6o2b0HHwBlsqvl1cI6Gw7COjaYtuLWQtRewt+4Q37awuPifsXAoBOvoKPweN5Qgay9g637v0ghCgcAf8dDqKu6P',
  'DCsWl21gLRNsWe4OX8Q3nw/ZQDQGky+Tc2FpWRlqt+mx+MqOSDCIrKD4wlPQN+LpdL/cOSvLy+I1j1zAtDkK7jJUgmlL34b1ht4H',
  'hMjPQm7E6W2PbbxTKsIouHPizw/kCVE8EIvFzrI2SR5Q4/P8JwAAAP//nKcPAQAAAAZJREFUAwCvIwo32zPXAQAAAABJRU5ErkJg',
  'golQTkcNChoKAAAADUlIRFIAAAAwAAAAMAgGAAAAVwL5hwAABNdJREFUeJzsmmtMXEUUx/9zd2EXFEFBPvBaCoaHCK405dkCtmkA',
  '08ZHarTWUmIMWP3QL35sIkmTGpsY46NaoBKlvqomJhrb3fpoSEmhjVikWCupbVhY3FIWaLc8dpe948y2IHA3ldkHcBN/yWbvnJm5',
  'OefOmTNn7h0tfJBcsvMhiZJqSkghKC0ihCRiBaCUWkFIJ6HolIlsGjh9pHdxGzK/kFpRq5ddcgO7fJWAaLCKoKAeUHLA4tK9hq4m',
  '96x8zoCkwpo8jQZfMlEmVjOUnpsh0gvW0x9186LXgIS1dZFanbOHFdKhAijwl8Wpy+YjIXGBNnx6v1qU53BdU3TT+7zXhpKaYkpJ',
  'OyGQoCIohUzg2SCx4dijNuU5XGcKqU7LhiMLKoXrLrHQlArVQrK0zIxoqBWmu+p8fzGqN0ALQQyJ8agsX4vICB2CyeSUE+a2LvRb',
  'h4X6sXVgF11q4/i4GHR+8xYkiSAUeDwyCh7fA/uYY8l9hFwoMy0pZMpzNBoJ2Q+kCPURMuDMuYsYujqKUDFoG8HZ7j+F+gi50CzG',
  'B9Og14UjmPA50HPxCkQRnsSc7guXsVr4fx1YaYRciO2N8ebeF1FdsQ4RevE50HfZin3vfo5TZ3sRLIRGoDg/C09VlfqlPCcjLRGv',
  '1GxRyO+KuRfZpeu9/6IIjcDA0DUEim14bEHZkJuHsu3bodFqYdy8Gd+98zZuji49VAuH0W2PrceWTYUsjIZBFO5Ch4+aYbmdLqx5',
  'JB9lzzwLMm9xvNTVhfajXyz5nsJh9Otj7d5foGQWF6PoiSe982o+i8v/hV/rQKDkbdyI/KpqhVxmuVDPzz9BhGU3YN3WrcjZUKaQ',
  'z7jdONn6Ma4Pi2Wjy2YAn2il255GRkGBos7tdOKHlg8xfGWZUglhmF/zyZqen6+ock1OwdTchFHrIPzBbwP0UVHe/2nHnXN3ImlQ',
  'vmMHUnNzFXVTjpswM+XHbX/DX/wywMCUKX/ueXDHaPvsU/SfP++znaQNw6baWiRmZCjqJsbHYWo8BIfdjkAQzoXC9HqUMF+W2OZD',
  'Ym+DuSEpOTmKdprwMFTV1/tUnit97P2DASvPETYg+v546CIi/r0BM+TRnbuwxmick4Wz+ur6lxFvMCj6j9ls+P7ge94RCAaamGRj',
  'g0iHyRvXEZucgui4uDkZX3wMObm4MXINzokJVL+0G/clJCj62q1WHGdu45qcRLDwa0fG3aiyrg5xSckL5FSmmJpwIDLqHkUfGwuR',
  'P7JQOcNCZjDxaz/gnp6GuakJ9sGFoY/nNL6Ut/b14URzc9CV5/i9oeFG8ChiHxq6Y7v+33vZk2+BPONGKAhoR8ZXUNOhDzAyOOCz',
  'nmeWJ1tbmWt5ECoC3lJ63amxUTESf3R04BRPi6nwFBNCE5Nk3M3e8t6NAJA9Hlz6pYvNAQlRsbH41WRC9wkzQvcK7DYUV0lKcY2J',
  'hcFKqBD2HdksscfUDbXCdJc8M2hhl8GPb6GGUpdM5cMah/U3e3Tyw+xbGamAimBf7vcOdHzyrTcKWcan9jOR2FvVlYR9rbd0pB/g',
  'l7fC6IWvXB5K66EC+JkJftQAaJB5eW4dGOw40tbv1IWzsP2692DFKoPrxH5vWJz6iNlzEhyfofrWcRupihIUrY7jNvSMTOhxX8dt',
  '/gEAAP//T/4X8QAAAAZJREFUAwCjEbV0OoL7GgAAAABJRU5ErkJggg==',
].join(''), 'base64');

export function GET(): Response {
  return new Response(new Uint8Array(ICON), {
    headers: { 'Content-Type': 'image/x-icon', 'Cache-Control': 'public, max-age=86400' },
  });
}
