import{C as e,E as t,Et as n,N as r,Or as i,Pr as a,Pt as o,Y as s,_ as c,a as l,c as u,dn as d,g as f,l as p,n as m,o as h,r as g,s as _,ti as v,v as y,y as b}from"./index-eZd5Ttaf.js";import{t as x}from"./date-picker-CeKmQSb9.js";import{t as S}from"./space-BLuJt17u.js";var C=v(s(),1),w=g(),T=u(`
  query EditableRequirement($code: String!) {
    requirement(code: $code) {
      id
      code
      status
      version
      title
      background
      goals
      deliverables
      acceptanceCriteria
      dataNeeds
      contact
      expectedBy
      initiator {
        id
      }
    }
  }
`),E=u(`
  mutation SaveRequirementEdit($input: UpdateRequirementInput!) {
    updateRequirement(input: $input) {
      id
      code
      version
      title
      background
      goals
      deliverables
      acceptanceCriteria
      dataNeeds
      contact
      expectedBy
    }
  }
`),D=[`background`,`goals`,`deliverables`,`acceptanceCriteria`,`dataNeeds`];function O(){let{code:s=``}=c(),{t:u,language:g}=p(),{message:v}=n.useApp(),{viewer:O}=m(),k=f(),[A]=t.useForm(),{data:j,loading:M,error:N}=a(T,{variables:{code:s},fetchPolicy:`network-only`}),[P,F]=i(E),I=j?.requirement;if(N)return(0,w.jsx)(b,{status:`error`,title:h(N,u,g)});if(!I)return(0,w.jsx)(r,{loading:M});if(!(I.initiator?.id===O.id&&[`DRAFT`,`PENDING_MODIFICATION`].includes(I.status)))return(0,w.jsx)(b,{status:`403`,title:u(`edit.notEditable`)});let L=async e=>{try{await P({variables:{input:{id:I.id,version:I.version,title:e.title,contact:e.contact??``,expectedBy:e.expectedBy?e.expectedBy.format(`YYYY-MM-DD`):null,...Object.fromEntries(D.map(t=>[t,e[t]??``]))}}}),v.success(u(`edit.saved`)),k(`/requirements/${I.code}`)}catch(e){let t=l(e);t&&A.getFieldInstance(t)!==void 0&&A.setFields([{name:t,errors:[_(e,u,g)]}])}};return(0,w.jsxs)(S,{direction:`vertical`,size:16,style:{width:`100%`},children:[(0,w.jsxs)(y.Title,{level:1,style:{fontSize:22,margin:0},children:[u(`edit.title`),` · `,I.code]}),(0,w.jsxs)(r,{size:`small`,children:[F.error&&!l(F.error)&&(0,w.jsx)(d,{type:`error`,showIcon:!0,message:h(F.error,u,g),style:{marginBottom:12}}),(0,w.jsxs)(t,{form:A,layout:`vertical`,initialValues:{...I,expectedBy:I.expectedBy?(0,C.default)(I.expectedBy):null},onFinish:e=>void L(e),children:[(0,w.jsx)(t.Item,{label:u(`req.title`),name:`title`,rules:[{required:!0,whitespace:!0,message:u(`field.required`,{label:u(`req.title`)})}],children:(0,w.jsx)(e,{maxLength:200,showCount:!0})}),D.map(n=>(0,w.jsx)(t.Item,{label:u(`req.${n}`),name:n,children:(0,w.jsx)(e.TextArea,{autoSize:{minRows:2}})},n)),(0,w.jsx)(t.Item,{label:u(`req.expectedBy`),name:`expectedBy`,children:(0,w.jsx)(x,{style:{width:`100%`}})}),(0,w.jsx)(t.Item,{label:u(`req.contact`),name:`contact`,children:(0,w.jsx)(e,{})}),(0,w.jsxs)(S,{children:[(0,w.jsx)(o,{onClick:()=>k(`/requirements/${I.code}`),children:u(`edit.cancel`)}),(0,w.jsx)(o,{type:`primary`,htmlType:`submit`,loading:F.loading,children:u(`edit.save`)})]})]})]})]})}export{O as default};