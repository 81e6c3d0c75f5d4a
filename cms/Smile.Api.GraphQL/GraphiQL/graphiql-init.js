// Starts GraphiQL against this server's own endpoint. Kept out of the page so no inline script is needed.
(function () {
  var root = document.getElementById('graphiql');
  var fetcher = GraphiQL.createFetcher({
    url: root.getAttribute('data-endpoint'),
    headers: { 'GraphQL-Preflight': '1' }
  });
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultEditorToolsVisibility: true,
      defaultQuery: root.getAttribute('data-default-query')
    })
  );
})();
