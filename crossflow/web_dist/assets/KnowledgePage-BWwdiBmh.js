import{r as e}from"./rolldown-runtime-BLXQ4ufn.js";import{Ir as t,P as n,Z as r,b as i,ei as a,l as o,m as s,o as c,p as l,r as u,u as d,w as f,y as p}from"./index-CUr97UIb.js";import{t as m}from"./list-JfATqGmj.js";import{t as h}from"./space-DDlhjRAT.js";var g=e(r(),1),_=e(a(),1),v=u(),y=o(`
  query KnowledgeSearch($search: String, $after: String) {
    archives(search: $search, first: 20, after: $after) {
      totalCount
      edges {
        node {
          id
          title
          summary
          createdAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);function b(){let{t:e,language:r}=d(),[a,o]=s(),u=a.get(`q`)??``,[b,x]=(0,_.useState)(u),{data:S,error:C,loading:w,fetchMore:T}=t(y,{variables:{search:u||null}}),E=S?.archives;return(0,v.jsxs)(h,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,v.jsx)(p.Title,{level:1,style:{fontSize:22,margin:0},children:e(`nav.knowledge`)}),(0,v.jsx)(f.Search,{"aria-label":e(`knowledge.search`),placeholder:e(`knowledge.searchHelp`),enterButton:e(`knowledge.search`),value:b,onChange:e=>x(e.target.value),onSearch:e=>o(e.trim()?{q:e.trim()}:{}),allowClear:!0}),C?(0,v.jsx)(i,{status:`error`,title:c(C,e,r)}):(0,v.jsx)(n,{size:`small`,title:E?e(`knowledge.found`,{n:E.totalCount}):` `,children:(0,v.jsx)(m,{loading:w&&!E,dataSource:E?.edges??[],locale:{emptyText:(0,v.jsx)(p.Text,{type:`secondary`,children:e(`knowledge.none`)})},loadMore:E?.pageInfo.hasNextPage?(0,v.jsx)(p.Link,{onClick:()=>void T({variables:{after:E.pageInfo.endCursor}}),children:e(`knowledge.more`)}):null,renderItem:({node:t})=>(0,v.jsx)(m.Item,{children:(0,v.jsx)(m.Item.Meta,{title:(0,v.jsx)(l,{to:`/knowledge/${encodeURIComponent(t.id)}`,children:t.title}),description:(0,v.jsxs)(h,{direction:`vertical`,size:0,children:[t.summary&&(0,v.jsx)(p.Text,{children:t.summary}),(0,v.jsxs)(p.Text,{type:`secondary`,children:[e(`knowledge.archivedAt`),` `,(0,g.default)(t.createdAt).format(`YYYY-MM-DD`)]})]})})})})})]})}export{b as default};