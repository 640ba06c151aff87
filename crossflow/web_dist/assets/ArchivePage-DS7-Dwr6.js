import{Ir as e,P as t,b as n,d as r,i,l as a,o,p as s,r as c,u as l,v as u,y as d}from"./index-CUr97UIb.js";import{t as f}from"./descriptions-IHSaUR4o.js";import{t as p}from"./space-DDlhjRAT.js";import{t as m}from"./table-DfeHDFG7.js";var h=c(),g=a(`
  query ArchiveRecord($id: ID!) {
    node(id: $id) {
      id
      ... on Archive {
        title
        summary
        createdAt
        snapshot
        requirement {
          id
          code
        }
      }
    }
  }
`),_=[`background`,`goals`,`deliverables`,`acceptanceCriteria`,`dataNeeds`,`expectedBy`],v=[`goalAchievement`,`contributions`,`problems`];function y(){let{id:a=``}=u(),{t:c,language:y}=l(),{data:b,error:x,loading:S}=e(g,{variables:{id:a}});if(x){let e=i(x)===`NOT_FOUND`;return(0,h.jsx)(n,{status:e?`404`:`error`,title:e?c(`req.notFound`):o(x,c,y)})}let C=b?.node.__typename===`Archive`?b.node:null;if(!C)return(0,h.jsx)(t,{loading:S});let w=C.snapshot??{},T=w.form??{},E=w.report??{};return(0,h.jsxs)(p,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,h.jsx)(d.Title,{level:1,style:{fontSize:22,margin:0},children:C.title}),(0,h.jsxs)(d.Text,{type:`secondary`,children:[w.code,` · `,c(`knowledge.readOnly`),C.requirement&&(0,h.jsxs)(h.Fragment,{children:[` · `,(0,h.jsx)(s,{to:`/requirements/${C.requirement.code}`,children:c(`knowledge.openRequirement`)})]})]}),(0,h.jsxs)(t,{size:`small`,title:c(`knowledge.form`),children:[C.summary&&(0,h.jsx)(d.Paragraph,{children:C.summary}),(0,h.jsx)(f,{column:1,size:`small`,children:_.filter(e=>T[e]).map(e=>(0,h.jsx)(f.Item,{label:c(`req.${e}`),children:(0,h.jsx)(d.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:T[e]})},e))})]}),(w.tasks??[]).length>0&&(0,h.jsx)(t,{size:`small`,title:c(`req.tasks`),children:(0,h.jsx)(m,{size:`small`,rowKey:`code`,pagination:!1,scroll:{x:!0},dataSource:w.tasks??[],columns:[{title:c(`task.code`),dataIndex:`code`},{title:c(`task.title`),dataIndex:`title`},{title:c(`req.status`),key:`status`,render:(e,t)=>r(c,`status`,t.status)},{title:c(`task.percent`),key:`progress`,render:(e,t)=>`${t.progress}%`}]})}),v.some(e=>E[e])&&(0,h.jsx)(t,{size:`small`,title:c(`knowledge.report`),children:(0,h.jsx)(f,{column:1,size:`small`,children:v.filter(e=>E[e]).map(e=>(0,h.jsx)(f.Item,{label:c(`knowledge.${e}`),children:(0,h.jsx)(d.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:E[e]})},e))})})]})}export{y as default};