import{A as e,Dr as t,K as n,S as r,Vr as i,Wr as a,c as o,f as s,l as c,o as l,p as u,r as d,v as f,y as p}from"./index-DxxYmQ5J.js";import{t as m}from"./list-COtBdQ5B.js";import{t as h}from"./space-ASlxUxqI.js";var g=a(n(),1),_=a(i(),1),v=d(),y=o(`
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
`);function b(){let{t:n,language:i}=c(),[a,o]=u(),d=a.get(`q`)??``,[b,x]=(0,_.useState)(d),{data:S,error:C,loading:w,fetchMore:T}=t(y,{variables:{search:d||null}}),E=S?.archives;return(0,v.jsxs)(h,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,v.jsx)(f.Title,{level:1,style:{fontSize:22,margin:0},children:n(`nav.knowledge`)}),(0,v.jsx)(r.Search,{"aria-label":n(`knowledge.search`),placeholder:n(`knowledge.searchHelp`),enterButton:n(`knowledge.search`),value:b,onChange:e=>x(e.target.value),onSearch:e=>o(e.trim()?{q:e.trim()}:{}),allowClear:!0}),C?(0,v.jsx)(p,{status:`error`,title:l(C,n,i)}):(0,v.jsx)(e,{size:`small`,title:E?n(`knowledge.found`,{n:E.totalCount}):` `,children:(0,v.jsx)(m,{loading:w&&!E,dataSource:E?.edges??[],locale:{emptyText:(0,v.jsx)(f.Text,{type:`secondary`,children:n(`knowledge.none`)})},loadMore:E?.pageInfo.hasNextPage?(0,v.jsx)(f.Link,{onClick:()=>void T({variables:{after:E.pageInfo.endCursor}}),children:n(`knowledge.more`)}):null,renderItem:({node:e})=>(0,v.jsx)(m.Item,{children:(0,v.jsx)(m.Item.Meta,{title:(0,v.jsx)(s,{to:`/knowledge/${encodeURIComponent(e.id)}`,children:e.title}),description:(0,v.jsxs)(h,{direction:`vertical`,size:0,children:[e.summary&&(0,v.jsx)(f.Text,{children:e.summary}),(0,v.jsxs)(f.Text,{type:`secondary`,children:[n(`knowledge.archivedAt`),` `,(0,g.default)(e.createdAt).format(`YYYY-MM-DD`)]})]})})})})})]})}export{b as default};