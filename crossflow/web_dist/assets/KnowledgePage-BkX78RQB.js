import{C as e,N as t,Pr as n,Qr as r,Y as i,c as a,f as o,l as s,o as c,p as l,r as u,ti as d,v as f,y as p}from"./index-eZd5Ttaf.js";import{t as m}from"./list-BrWI6-Ft.js";import{t as h}from"./space-BLuJt17u.js";var g=d(i(),1),_=d(r(),1),v=u(),y=a(`
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
`);function b(){let{t:r,language:i}=s(),[a,u]=l(),d=a.get(`q`)??``,[b,x]=(0,_.useState)(d),{data:S,error:C,loading:w,fetchMore:T}=n(y,{variables:{search:d||null}}),E=S?.archives;return(0,v.jsxs)(h,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,v.jsx)(f.Title,{level:1,style:{fontSize:22,margin:0},children:r(`nav.knowledge`)}),(0,v.jsx)(e.Search,{"aria-label":r(`knowledge.search`),placeholder:r(`knowledge.searchHelp`),enterButton:r(`knowledge.search`),value:b,onChange:e=>x(e.target.value),onSearch:e=>u(e.trim()?{q:e.trim()}:{}),allowClear:!0}),C?(0,v.jsx)(p,{status:`error`,title:c(C,r,i)}):(0,v.jsx)(t,{size:`small`,title:E?r(`knowledge.found`,{n:E.totalCount}):` `,children:(0,v.jsx)(m,{loading:w&&!E,dataSource:E?.edges??[],locale:{emptyText:(0,v.jsx)(f.Text,{type:`secondary`,children:r(`knowledge.none`)})},loadMore:E?.pageInfo.hasNextPage?(0,v.jsx)(f.Link,{onClick:()=>void T({variables:{after:E.pageInfo.endCursor}}),children:r(`knowledge.more`)}):null,renderItem:({node:e})=>(0,v.jsx)(m.Item,{children:(0,v.jsx)(m.Item.Meta,{title:(0,v.jsx)(o,{to:`/knowledge/${encodeURIComponent(e.id)}`,children:e.title}),description:(0,v.jsxs)(h,{direction:`vertical`,size:0,children:[e.summary&&(0,v.jsx)(f.Text,{children:e.summary}),(0,v.jsxs)(f.Text,{type:`secondary`,children:[r(`knowledge.archivedAt`),` `,(0,g.default)(e.createdAt).format(`YYYY-MM-DD`)]})]})})})})})]})}export{b as default};