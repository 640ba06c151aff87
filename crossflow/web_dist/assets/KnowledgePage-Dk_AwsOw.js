import{r as e}from"./rolldown-runtime-BLXQ4ufn.js";import{F as t,Lr as n,Q as r,T as i,b as a,d as o,h as s,m as c,o as l,r as u,ti as d,u as f,x as p}from"./index-Bv15gHvB.js";import{t as m}from"./list-N6hIvrfC.js";import{t as h}from"./space-CDIbhnFy.js";var g=e(r(),1),_=e(d(),1),v=u(),y=f(`
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
`);function b(){let{t:e,language:r}=o(),[u,d]=s(),f=u.get(`q`)??``,[b,x]=(0,_.useState)(f),{data:S,error:C,loading:w,fetchMore:T}=n(y,{variables:{search:f||null}}),E=S?.archives;return(0,v.jsxs)(h,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,v.jsx)(a.Title,{level:1,style:{fontSize:22,margin:0},children:e(`nav.knowledge`)}),(0,v.jsx)(i.Search,{"aria-label":e(`knowledge.search`),placeholder:e(`knowledge.searchHelp`),enterButton:e(`knowledge.search`),value:b,onChange:e=>x(e.target.value),onSearch:e=>d(e.trim()?{q:e.trim()}:{}),allowClear:!0}),C?(0,v.jsx)(p,{status:`error`,title:l(C,e,r)}):(0,v.jsx)(t,{size:`small`,title:E?e(`knowledge.found`,{n:E.totalCount}):` `,children:(0,v.jsx)(m,{loading:w&&!E,dataSource:E?.edges??[],locale:{emptyText:(0,v.jsx)(a.Text,{type:`secondary`,children:e(`knowledge.none`)})},loadMore:E?.pageInfo.hasNextPage?(0,v.jsx)(a.Link,{onClick:()=>void T({variables:{after:E.pageInfo.endCursor}}),children:e(`knowledge.more`)}):null,renderItem:({node:t})=>(0,v.jsx)(m.Item,{children:(0,v.jsx)(m.Item.Meta,{title:(0,v.jsx)(c,{to:`/knowledge/${encodeURIComponent(t.id)}`,children:t.title}),description:(0,v.jsxs)(h,{direction:`vertical`,size:0,children:[t.summary&&(0,v.jsx)(a.Text,{children:t.summary}),(0,v.jsxs)(a.Text,{type:`secondary`,children:[e(`knowledge.archivedAt`),` `,(0,g.default)(t.createdAt).format(`YYYY-MM-DD`)]})]})})})})})]})}export{b as default};