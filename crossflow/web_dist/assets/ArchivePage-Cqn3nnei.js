import{F as e,Lr as t,b as n,d as r,f as i,i as a,m as o,o as s,r as c,u as l,x as u,y as d}from"./index-Bv15gHvB.js";import{t as f}from"./descriptions-_YYC_uNG.js";import{t as p}from"./space-CDIbhnFy.js";import{t as m}from"./table-D89G-XBR.js";var h=c(),g=l(`
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
`),_=[`background`,`goals`,`deliverables`,`acceptanceCriteria`,`dataNeeds`,`expectedBy`],v=[`goalAchievement`,`contributions`,`problems`];function y(){let{id:c=``}=d(),{t:l,language:y}=r(),{data:b,error:x,loading:S}=t(g,{variables:{id:c}});if(x){let e=a(x)===`NOT_FOUND`;return(0,h.jsx)(u,{status:e?`404`:`error`,title:e?l(`req.notFound`):s(x,l,y)})}let C=b?.node.__typename===`Archive`?b.node:null;if(!C)return(0,h.jsx)(e,{loading:S});let w=C.snapshot??{},T=w.form??{},E=w.report??{};return(0,h.jsxs)(p,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,h.jsx)(n.Title,{level:1,style:{fontSize:22,margin:0},children:C.title}),(0,h.jsxs)(n.Text,{type:`secondary`,children:[w.code,` · `,l(`knowledge.readOnly`),C.requirement&&(0,h.jsxs)(h.Fragment,{children:[` · `,(0,h.jsx)(o,{to:`/requirements/${C.requirement.code}`,children:l(`knowledge.openRequirement`)})]})]}),(0,h.jsxs)(e,{size:`small`,title:l(`knowledge.form`),children:[C.summary&&(0,h.jsx)(n.Paragraph,{children:C.summary}),(0,h.jsx)(f,{column:1,size:`small`,children:_.filter(e=>T[e]).map(e=>(0,h.jsx)(f.Item,{label:l(`req.${e}`),children:(0,h.jsx)(n.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:T[e]})},e))})]}),(w.tasks??[]).length>0&&(0,h.jsx)(e,{size:`small`,title:l(`req.tasks`),children:(0,h.jsx)(m,{size:`small`,rowKey:`code`,pagination:!1,scroll:{x:!0},dataSource:w.tasks??[],columns:[{title:l(`task.code`),dataIndex:`code`},{title:l(`task.title`),dataIndex:`title`},{title:l(`req.status`),key:`status`,render:(e,t)=>i(l,`status`,t.status)},{title:l(`task.percent`),key:`progress`,render:(e,t)=>`${t.progress}%`}]})}),v.some(e=>E[e])&&(0,h.jsx)(e,{size:`small`,title:l(`knowledge.report`),children:(0,h.jsx)(f,{column:1,size:`small`,children:v.filter(e=>E[e]).map(e=>(0,h.jsx)(f.Item,{label:l(`knowledge.${e}`),children:(0,h.jsx)(n.Paragraph,{style:{whiteSpace:`pre-wrap`,margin:0},children:E[e]})},e))})})]})}export{y as default};